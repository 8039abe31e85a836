/*
 * The disk's own durable-write rate, for reading the file-store and SQLite figures (not part of CI).
 *
 * One writer, 2,000 appends of 400 bytes, each made durable before the next, in four ways:
 *   append + fdatasync          the file grows with every write (SQLite's WAL while it grows)
 *   preallocated + fdatasync    overwrites of zeros written ahead (what the file store does)
 *   O_DSYNC, preallocated       write and sync in one call
 *   O_DIRECT + fdatasync        4 KiB blocks past the page cache
 *   O_DIRECT | O_DSYNC          the same, write and flush in one call
 *   two writers + fdatasync     two threads appending to one preallocated file, each syncing
 *                               its own appends (counts syncs of both: can two be in flight?)
 * Build and run from the repository root (Linux):
 *   cc -O2 -pthread -o /tmp/sync_floor Benchmarks/Comparisons/sync_floor.c && (cd /tmp && ./sync_floor)
 * It writes six files in the current directory and removes them; run it on the disk under test.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { COUNT = 2000, RECORD = 400, BLOCK = 4096 };
static const size_t preallocated = 8 << 20;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Creates `name` holding `size` zero bytes, synced, and reopens it with `flags`. */
static int prepare(const char *name, char *zeros, size_t size, int flags) {
    int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || (size && pwrite(fd, zeros, size, 0) != (ssize_t)size) || fsync(fd) != 0) return -1;
    close(fd);
    return open(name, O_RDWR | flags);
}

static atomic_long next_offset;
static int shared_fd;
static char *shared_buffer;

/* One of the two writers: COUNT / 2 appends, each synced before the next. */
static void *append_and_sync(void *unused) {
    (void)unused;
    for (int i = 0; i < COUNT / 2; i++) {
        off_t offset = (off_t)atomic_fetch_add(&next_offset, RECORD);
        if (pwrite(shared_fd, shared_buffer, RECORD, offset) != RECORD || fdatasync(shared_fd) != 0) exit(1);
    }
    return NULL;
}

static void report(const char *label, double started) {
    printf("{\"name\": \"disk.%s\", \"value\": %.0f, \"unit\": \"syncs/s\"}\n", label, COUNT / (now() - started));
}

int main(void) {
    char *buffer;
    if (posix_memalign((void **)&buffer, BLOCK, preallocated) != 0) return 1;
    memset(buffer, 0, preallocated);

    int fd = prepare("sync_floor_append.log", buffer, 0, 0);
    double started = now();
    for (int i = 0; i < COUNT; i++)
        if (pwrite(fd, buffer, RECORD, (off_t)i * RECORD) != RECORD || fdatasync(fd) != 0) return 1;
    report("append_fdatasync", started);
    close(fd);

    fd = prepare("sync_floor_prealloc.log", buffer, preallocated, 0);
    started = now();
    for (int i = 0; i < COUNT; i++)
        if (pwrite(fd, buffer, RECORD, (off_t)i * RECORD) != RECORD || fdatasync(fd) != 0) return 1;
    report("preallocated_fdatasync", started);
    close(fd);

    fd = prepare("sync_floor_dsync.log", buffer, preallocated, O_DSYNC);
    started = now();
    for (int i = 0; i < COUNT; i++)
        if (pwrite(fd, buffer, RECORD, (off_t)i * RECORD) != RECORD) return 1;
    report("preallocated_odsync", started);
    close(fd);

    fd = prepare("sync_floor_direct.log", buffer, preallocated, O_DIRECT);
    started = now();
    for (int i = 0; i < COUNT; i++) {
        off_t end = (off_t)(i + 1) * RECORD, block = ((off_t)i * RECORD) & ~(off_t)(BLOCK - 1);
        size_t length = (size_t)((end - block + BLOCK - 1) & ~(off_t)(BLOCK - 1));
        if (fd < 0 || pwrite(fd, buffer, length, block) != (ssize_t)length || fdatasync(fd) != 0) {
            printf("{\"name\": \"disk.direct_fdatasync\", \"note\": \"O_DIRECT refused here\"}\n");
            break;
        }
        if (i == COUNT - 1) report("direct_fdatasync", started);
    }
    if (fd >= 0) close(fd);

    fd = prepare("sync_floor_direct_dsync.log", buffer, preallocated, O_DIRECT | O_DSYNC);
    started = now();
    for (int i = 0; i < COUNT; i++) {
        off_t end = (off_t)(i + 1) * RECORD, block = ((off_t)i * RECORD) & ~(off_t)(BLOCK - 1);
        size_t length = (size_t)((end - block + BLOCK - 1) & ~(off_t)(BLOCK - 1));
        if (fd < 0 || pwrite(fd, buffer, length, block) != (ssize_t)length) {
            printf("{\"name\": \"disk.direct_odsync\", \"note\": \"O_DIRECT refused here\"}\n");
            break;
        }
        if (i == COUNT - 1) report("direct_odsync", started);
    }
    if (fd >= 0) close(fd);

    shared_fd = prepare("sync_floor_two.log", buffer, preallocated, 0);
    shared_buffer = buffer;
    pthread_t writers[2];
    started = now();
    for (int i = 0; i < 2; i++) pthread_create(&writers[i], NULL, append_and_sync, NULL);
    for (int i = 0; i < 2; i++) pthread_join(writers[i], NULL);
    report("two_writers_fdatasync", started);
    close(shared_fd);

    unlink("sync_floor_direct_dsync.log");
    unlink("sync_floor_two.log");
    unlink("sync_floor_append.log");
    unlink("sync_floor_prealloc.log");
    unlink("sync_floor_dsync.log");
    unlink("sync_floor_direct.log");
    free(buffer);
    return 0;
}
