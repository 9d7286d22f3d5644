/* kfl: minimal static kexec_file_load(2) + reboot(KEXEC) helper.
 * usage: kfl load <bzImage> <initrd|-> <cmdline>   | kfl exec | kfl unload */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <linux/reboot.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#ifndef KEXEC_FILE_UNLOAD
#define KEXEC_FILE_UNLOAD 0x1
#define KEXEC_FILE_NO_INITRAMFS 0x4
#endif
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "exec")) {
    sync();
    fprintf(stderr, "kfl: reboot(KEXEC) at mono=%.6f\n", now());
    long r = syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_KEXEC, 0);
    fprintf(stderr, "kfl: reboot returned %ld errno=%d %s\n", r, errno, strerror(errno));
    return 1;
  }
  if (argc >= 2 && !strcmp(argv[1], "unload")) {
    long r = syscall(SYS_kexec_file_load, -1, -1, 0UL, "", (unsigned long)KEXEC_FILE_UNLOAD);
    if (r) { perror("kexec_file_load(unload)"); return 1; } return 0;
  }
  if (argc != 5 || strcmp(argv[1], "load")) { fprintf(stderr, "usage: kfl load K I|- CMDLINE | exec | unload\n"); return 2; }
  int kfd = open(argv[2], O_RDONLY); if (kfd < 0) { perror(argv[2]); return 1; }
  int ifd = -1; unsigned long flags = 0;
  if (strcmp(argv[3], "-")) { ifd = open(argv[3], O_RDONLY); if (ifd < 0) { perror(argv[3]); return 1; } }
  else flags |= KEXEC_FILE_NO_INITRAMFS;
  double t0 = now();
  long r = syscall(SYS_kexec_file_load, kfd, ifd, strlen(argv[4]) + 1, argv[4], flags);
  double t1 = now();
  if (r) { fprintf(stderr, "kexec_file_load failed: errno=%d %s\n", errno, strerror(errno)); return 1; }
  fprintf(stderr, "kfl: kexec_file_load ok in %.3f ms\n", (t1 - t0) * 1e3);
  return 0;
}
