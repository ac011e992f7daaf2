// app/primes/page.tsx: a server component
import { PrimeCounterClient } from './PrimeCounterClient'

export default function Page() {
  return (
    <main>
      <h1>Primes</h1>
      <PrimeCounterClient />
    </main>
  )
}
