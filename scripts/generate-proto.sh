#!/usr/bin/env bash
# Regenerates the Swift code of the query service's gRPC API (`make proto`) from proto/vectordb.proto:
# the messages (protoc-gen-swift, apple/swift-protobuf 1.39.0) and the service stubs
# (protoc-gen-grpc-swift-2, grpc/grpc-swift-protobuf 2.4.1) into Sources/QueryService/GRPC/Generated,
# which is committed: normal builds and CI need neither protoc nor the plugins.
#
# Needs protoc (Debian's protobuf-compiler: `apt-get install -y protobuf-compiler`; it also ships
# google/protobuf/struct.proto). The two plugins are built once, outside the repository, in
# PLUGIN_DIR (default /tmp/protoc-plugins; ~10 min on 2 cores), from the same package versions the
# build depends on, so the generated code matches the runtime libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
plugin_dir=${PLUGIN_DIR:-/tmp/protoc-plugins}
out=Sources/QueryService/GRPC/Generated

command -v protoc >/dev/null || { echo "error: protoc is missing: apt-get install -y protobuf-compiler" >&2; exit 1; }

if [ ! -x "$plugin_dir/.build/debug/protoc-gen-swift" ] || [ ! -x "$plugin_dir/.build/debug/protoc-gen-grpc-swift-2" ]; then
  echo "building the protoc plugins in $plugin_dir"
  mkdir -p "$plugin_dir"
  cat > "$plugin_dir/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
// Scratch package that builds the protoc plugins for VectorDB's `make proto`.
import PackageDescription

let package = Package(
    name: "ProtocPlugins",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", exact: "2.4.1"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
    ],
    targets: []
)
SWIFT
  (cd "$plugin_dir" && swift build --product protoc-gen-swift && swift build --product protoc-gen-grpc-swift-2)
fi

mkdir -p "$out"
protoc \
  --plugin=protoc-gen-swift="$plugin_dir/.build/debug/protoc-gen-swift" \
  --plugin=protoc-gen-grpc-swift-2="$plugin_dir/.build/debug/protoc-gen-grpc-swift-2" \
  --swift_out="$out" --swift_opt=Visibility=Public \
  --grpc-swift-2_out="$out" --grpc-swift-2_opt=Visibility=Public,Server=true,Client=true \
  -I proto proto/vectordb.proto

# Both generators mark their files `// swift-format-ignore-file`; the tidy test's size limit exempts
# Generated/ directories.
echo "generated: $(ls "$out")"
