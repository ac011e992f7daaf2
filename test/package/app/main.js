/* global document, Worker */
// The fixture app's page: a pool over the worker module and a component that
// runs its task with the hook. The check clicks the button and waits for the
// result to be rendered.
import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { createWorkerPool, useLongCallback } from 'react-long-callback'

const pool = createWorkerPool(
  () =>
    new Worker(new URL('./primes.worker.js', import.meta.url), {
      type: 'module',
    }),
  { size: 1 },
)
const countPrimes = pool.task('countPrimes')

function App() {
  const primes = useLongCallback(countPrimes)
  const text =
    primes.status === 'success'
      ? `${primes.result.count} primes, counted in a ${primes.result.where}`
      : String(primes.error ?? primes.status)
  return h(
    'main',
    null,
    h('button', { onClick: () => primes.invoke(100_000) }, 'Count'),
    h('output', { id: 'result', 'data-status': primes.status }, text),
  )
}

createRoot(document.getElementById('root')).render(h(App))
