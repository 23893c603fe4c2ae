#ifndef CTHREADSETTINGS_H
#define CTHREADSETTINGS_H
#include <stdint.h>

/* Asks the kernel to run the calling thread in time slices of `nanoseconds` (sched_setattr's
   sched_runtime for SCHED_OTHER; Linux 6.12 and later use it, clamped to 0.1-100 ms, and
   0 restores the default). The policy and nice value stay as they are. Returns 0, or the errno
   of sched_getattr or sched_setattr (an older kernel ignores the slice and returns 0). */
int cthread_set_time_slice(uint64_t nanoseconds);

/* The calling thread's time slice as the kernel reports it (sched_runtime), or 0 when it has
   none of its own or the kernel does not say. */
uint64_t cthread_time_slice(void);

/* Names the calling thread for ps, top -H and perf (the kernel keeps its first 15 bytes).
   Returns 0 or an errno. */
int cthread_set_name(const char *name);
#endif
