import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { MonitoringStatus } from './recipes/MonitoringStatus.tsx'
import { UNTIL_WORKER } from './ui/play.ts'
import { sieveCount } from './workers/primes.ts'

const meta = {
  title: 'Recipes/Monitoring the status',
  component: MonitoringStatus,
  args: { limit: 5_000_000, period: 150 },
} satisfies Meta<typeof MonitoringStatus>

export default meta
type Story = StoryObj<typeof meta>

export const MonitoringTheStatus: Story = {
  name: 'Monitoring the status',
  play: async ({ canvas, userEvent, args }) => {
    const log = canvas.getByRole('list', { name: 'Handler calls' })
    const toasts = canvas.getByRole('status', { name: 'Notifications' })

    await userEvent.click(
      canvas.getByRole('button', { name: 'Count with a bad limit' }),
    )
    await waitFor(
      () => expect(log).toHaveTextContent('onStatus(false)'),
      UNTIL_WORKER,
    )
    expect(log).toHaveTextContent('error RangeError')
    await waitFor(() =>
      expect(toasts).toHaveTextContent('limit must be an integer'),
    )

    await userEvent.click(canvas.getByRole('button', { name: 'Count primes' }))
    await waitFor(() => expect(log).toHaveTextContent('onStatus(0)'))
    await waitFor(() => expect(toasts).toHaveTextContent('Counting started.'))
    await waitFor(
      () => expect(log).toHaveTextContent('onStatus(1)'),
      UNTIL_WORKER,
    )
    const done = `onStatus(true, ${sieveCount(args.limit)})`
    await waitFor(() => expect(log).toHaveTextContent(done), {
      timeout: 20_000,
    })
    expect(toasts).toHaveTextContent('primes.')

    // Numbered calls came in order, and none after the final one.
    const lines = [...log.querySelectorAll('li')].map((li) => li.textContent)
    const numbers = lines
      .slice(0, -1)
      .map((l) => Number(/\((\d+)\)/.exec(l ?? '')?.[1]))
    expect(numbers).toEqual(numbers.map((_, index) => index))
    expect(lines.at(-1)).toContain(done)
  },
}
