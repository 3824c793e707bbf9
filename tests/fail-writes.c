/* fail-writes.c
 *
 * For tests only, never part of Gloss: makes writes to regular files fail
 * as a full disk makes them fail, where no small file system can be
 * mounted. Preloaded (LD_PRELOAD) into the gloss command by the scripted
 * check, or linked into a test program, it wraps write () and fsync ():
 *
 *   GLOSS_TEST_WRITE_BUDGET=N  after N bytes in all, a write to a regular
 *                              file is cut short, then fails
 *   GLOSS_TEST_WRITE_ERRNO=E   ENOSPC (the default), EDQUOT or EIO
 *   GLOSS_TEST_FAIL_FSYNC=1    fsync () of a regular file fails with EIO
 *
 * Pipes, terminals and devices are never touched, so messages still
 * reach standard error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fail-writes.h"

static long long budget = -1;      /* -1: no limit */
static int fail_errno = ENOSPC;
static int fail_fsync;

void
fail_writes_reset (void)
{
  const char *value = getenv ("GLOSS_TEST_WRITE_BUDGET");
  const char *error_name = getenv ("GLOSS_TEST_WRITE_ERRNO");
  const char *fsync_value = getenv ("GLOSS_TEST_FAIL_FSYNC");

  __atomic_store_n (&budget, value != NULL && *value != '\0' ? atoll (value) : -1, __ATOMIC_SEQ_CST);

  fail_errno = ENOSPC;
  if (error_name != NULL && strcmp (error_name, "EDQUOT") == 0)
    fail_errno = EDQUOT;
  else if (error_name != NULL && strcmp (error_name, "EIO") == 0)
    fail_errno = EIO;

  fail_fsync = fsync_value != NULL && strcmp (fsync_value, "1") == 0;
}

__attribute__((constructor)) static void
fail_writes_init (void)
{
  fail_writes_reset ();
}

static int
is_regular (int fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static ssize_t (*real_write) (int, const void *, size_t);
  long long left;

  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t))dlsym (RTLD_NEXT, "write");

  if (count == 0 || __atomic_load_n (&budget, __ATOMIC_SEQ_CST) < 0 || !is_regular (fd))
    return real_write (fd, buf, count);

  /* Takes what fits from the budget, as a disk gives its last blocks */
  left = __atomic_load_n (&budget, __ATOMIC_SEQ_CST);
  for (;;)
    {
      long long take = left < (long long)count ? left : (long long)count;

      if (take == 0)
        {
          errno = fail_errno;
          return -1;
        }
      if (__atomic_compare_exchange_n (&budget, &left, left - take, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return real_write (fd, buf, take);
    }
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);

  if (real_fsync == NULL)
    real_fsync = (int (*) (int))dlsym (RTLD_NEXT, "fsync");

  if (fail_fsync && is_regular (fd))
    {
      errno = EIO;
      return -1;
    }

  return real_fsync (fd);
}
