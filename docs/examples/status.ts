// status.ts
import { invokeLongCallback } from 'react-long-callback'
import { countPrimes } from './primes'

export function countWithLog(limit: number, log: (line: string) => void) {
  return invokeLongCallback(countPrimes, limit, {
    period: 1000,
    onStatus(status, result, info) {
      const at = `${(info.elapsedMs / 1000).toFixed(1)} s`
      if (status === true) log(`${at}: ${result} primes`)
      else if (status === false) log(`${at}: ${info.reason}, ${info.error}`)
      else log(`${at}: period ${status}, ${info.message ?? 'starting'}`)
    },
  })
}
