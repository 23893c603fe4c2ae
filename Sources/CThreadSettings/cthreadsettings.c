#define _GNU_SOURCE
#include "cthreadsettings.h"
#include <pthread.h>
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The kernel's struct sched_attr, first version (48 bytes). glibc 2.36 wraps neither call. */
struct cthread_sched_attr {
    uint32_t size;
    uint32_t sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime;
    uint64_t sched_deadline;
    uint64_t sched_period;
};

static int current_attributes(struct cthread_sched_attr *attr) {
    memset(attr, 0, sizeof *attr);
    if (syscall(SYS_sched_getattr, 0, attr, (unsigned)sizeof *attr, 0) != 0) return errno;
    return 0;
}

int cthread_set_time_slice(uint64_t nanoseconds) {
    struct cthread_sched_attr attr;
    int status = current_attributes(&attr);
    if (status != 0) return status;
    attr.size = sizeof attr;
    attr.sched_flags = 0;
    attr.sched_runtime = nanoseconds;
    if (syscall(SYS_sched_setattr, 0, &attr, 0) != 0) return errno;
    return 0;
}

uint64_t cthread_time_slice(void) {
    struct cthread_sched_attr attr;
    if (current_attributes(&attr) != 0) return 0;
    return attr.sched_runtime;
}

int cthread_set_name(const char *name) {
    char shortened[16];
    strncpy(shortened, name, sizeof shortened - 1);
    shortened[sizeof shortened - 1] = 0;
    return pthread_setname_np(pthread_self(), shortened);
}
