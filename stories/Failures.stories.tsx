import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { Failures } from './recipes/Failures.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'
import { sieveCount } from './workers/primes.ts'

const meta = {
  title: 'Recipes/Failures',
  component: Failures,
} satisfies Meta<typeof Failures>

export default meta
type Story = StoryObj<typeof meta>

export const FailuresAsState: Story = {
  name: 'Failures',
  play: async ({ canvas, userEvent, step }) => {
    await step('a task that throws', async () => {
      const card = canvas.getByRole('region', { name: 'A task that throws' })
      await userEvent.click(
        canvas.getByRole('button', { name: 'Import in a worker' }),
      )
      await waitFor(() => expect(card).toHaveTextContent('error'), UNTIL_WORKER)
      expect(card).toHaveTextContent(
        'SyntaxError: Line 4: expected 6 fields, found 5.',
      )
    })

    await step('a worker that crashes', async () => {
      const card = canvas.getByRole('region', { name: 'A worker that crashes' })
      for (const name of [
        'Uncaught error in the worker',
        'Worker closes itself',
      ]) {
        await userEvent.click(canvas.getByRole('button', { name }))
      }
      await waitFor(() => {
        const alerts = within(card).getAllByRole('alert')
        expect(alerts).toHaveLength(2)
        for (const alert of alerts)
          expect(alert).toHaveTextContent('WorkerCrashError')
      }, UNTIL_WORKER)
    })

    await step('the page and the pool still work', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Click me' }))
      expect(rawValue(canvas.getByTestId('clicks'))).toBe(1)
      await userEvent.click(
        canvas.getByRole('button', { name: 'Run a task on the same pool' }),
      )
      await waitFor(
        () =>
          expect(rawValue(canvas.getByTestId('primes'))).toBe(
            sieveCount(200_000),
          ),
        UNTIL_WORKER,
      )
    })
  },
}
