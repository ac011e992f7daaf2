// Pure prime arithmetic, shared by the worker module and the main-thread
// comparison in the "heavy work" story. Trial division is slow on purpose:
// it is honest CPU work whose length grows smoothly with the limit.

/** Whether `n` is prime, by trial division over odd numbers. */
export function isPrime(n: number): boolean {
  if (n < 2) return false
  if (n % 2 === 0) return n === 2
  for (let d = 3; d * d <= n; d += 2) {
    if (n % d === 0) return false
  }
  return true
}

/** Counts the primes below `limit`, blocking the thread it runs on. */
export function countPrimesBlocking(limit: number): number {
  let found = 0
  for (let n = 2; n < limit; n++) if (isPrime(n)) found++
  return found
}

/**
 * Counts the primes below `limit` with a sieve: a second, independent
 * method that the stories' tests use to check the workers' answers.
 */
export function sieveCount(limit: number): number {
  if (limit <= 2) return 0
  const composite = new Uint8Array(limit)
  let found = 0
  for (let n = 2; n < limit; n++) {
    if (composite[n]) continue
    found++
    for (let m = n * n; m < limit; m += n) composite[m] = 1
  }
  return found
}

/** Checks a limit given to a prime task; a bad one is a clear error. */
export function checkLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 2) {
    throw new RangeError(
      `countPrimes: limit must be an integer of at least 2, received ${String(limit)}.`,
    )
  }
  return limit
}
