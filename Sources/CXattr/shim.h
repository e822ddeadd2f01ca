// Extended attributes (fgetxattr / fsetxattr), which Glibc's Swift module does not export: the
// file-system object store records each object's ETag in one.
#include <sys/xattr.h>
