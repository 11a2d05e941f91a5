/** Work that changes the workbook runs under the document lock, so two runs never interleave. */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(30_000);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
