// app/primes/PrimeCounterClient.tsx
'use client'

import { useLongCallback } from 'react-long-callback'
import { countPrimes } from '../primes'

export function PrimeCounterClient() {
  const primes = useLongCallback(countPrimes)
  return (
    <button onClick={() => primes.invoke(1_000_000)}>
      {primes.status === 'success' ? `${primes.result} primes` : 'Count'}
    </button>
  )
}
