// PrimeCounter.tsx
import { useLongCallback } from 'react-long-callback'
import { countPrimes } from './primes'

export function PrimeCounter({ limit }: { limit: number }) {
  const primes = useLongCallback(countPrimes)
  return (
    <>
      <button onClick={() => primes.invoke(limit)}>Count primes</button>
      <button onClick={primes.cancel} disabled={!primes.isRunning}>
        Cancel
      </button>
      <progress value={primes.progress ?? undefined} />
      <p>
        {primes.status === 'success'
          ? `${primes.result} primes below ${limit}`
          : (primes.message ?? primes.status)}
      </p>
    </>
  )
}
