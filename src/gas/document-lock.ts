/** Work that changes the workbook runs under the document lock, so two runs never interleave. */
export function withDocumentLock<T>(work: () => T): T {
  return withDocumentLockOr(work, () => {
    throw new Error("Lock timeout: another process was holding the lock for too long.");
  });
}

/**
 * The same, but when the lock stays busy for 30 s the answer comes from `busy`. `lock`: the
 * document lock a caller already asked for (a run that takes it twice asks once).
 */
export function withDocumentLockOr<T>(
  work: () => T,
  busy: () => T,
  lock: GoogleAppsScript.Lock.Lock = LockService.getDocumentLock(),
): T {
  if (!lock.tryLock(30_000)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
