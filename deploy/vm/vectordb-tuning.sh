#!/bin/sh
# Boot-time settings sysctl cannot hold (docs/deploy.md "VM tuning"). Run as root, e.g. from a
# systemd oneshot before vectordb.service. DATA_DEVICE is the block device under /var/lib/vectordb.
set -eu
DATA_DEVICE=${DATA_DEVICE:-nvme0n1}

# Transparent huge pages only where asked for: the HNSW arrays request them (madvise MADV_HUGEPAGE);
# "always" would also back every other allocation and stall on compaction at fault time.
echo madvise > /sys/kernel/mm/transparent_hugepage/enabled
echo defer+madvise > /sys/kernel/mm/transparent_hugepage/defrag

# Searches fault segment pages in at random; a large readahead reads (and caches) data nobody asked
# for on every fault. 128 KiB is the kernel's default; some images and RAID/LVM setups raise it.
echo 128 > "/sys/block/${DATA_DEVICE}/queue/read_ahead_kb"
