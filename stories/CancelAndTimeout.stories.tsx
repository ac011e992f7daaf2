import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { CancelAndTimeout } from './recipes/CancelAndTimeout.tsx'
import { UNTIL_WORKER, rawValue } from './ui/play.ts'

const meta = {
  title: 'Recipes/Cancel and timeout',
  component: CancelAndTimeout,
  args: { limit: 60_000_000, timeoutMs: 400, stubbornMs: 20_000 },
} satisfies Meta<typeof CancelAndTimeout>

export default meta
type Story = StoryObj<typeof meta>

export const CancelAndTimeOut: Story = {
  name: 'Cancel and timeout',
  play: async ({ canvas, userEvent, step }) => {
    await step('cancel a cooperative task', async () => {
      const card = canvas.getByRole('region', { name: 'Cancel' })
      const bar = canvas.getByRole('progressbar', { name: 'Count progress' })
      await userEvent.click(
        canvas.getByRole('button', { name: 'Start counting' }),
      )
      await waitFor(
        () =>
          expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0),
        UNTIL_WORKER,
      )
      await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
      await waitFor(() => expect(card).toHaveTextContent('cancelled'))
      expect(card).toHaveTextContent('AbortError')
    })

    await step('time out', async () => {
      const card = canvas.getByRole('region', { name: 'Timeout' })
      await userEvent.click(
        canvas.getByRole('button', { name: /Start with a/ }),
      )
      await waitFor(() => expect(card).toHaveTextContent('error'), {
        timeout: 5_000,
      })
      expect(card).toHaveTextContent('TimeoutError')
    })

    await step('cancel a task that ignores its signal', async () => {
      const card = canvas.getByRole('region', {
        name: 'A task that ignores its signal',
      })
      await userEvent.click(
        canvas.getByRole('button', { name: 'Start the stubborn task' }),
      )
      await waitFor(
        () => expect(card).toHaveTextContent('running'),
        UNTIL_WORKER,
      )
      await userEvent.click(canvas.getByRole('button', { name: 'Cancel it' }))
      // The run ends at once for the page, though its worker is still busy.
      await waitFor(() => expect(card).toHaveTextContent('cancelled'), {
        timeout: 1_000,
      })
      await userEvent.click(
        canvas.getByRole('button', {
          name: 'Run a small task on the same pool',
        }),
      )
      // It would wait out the stubborn task's 20 s; the kill frees the
      // pool about half a second after the cancel.
      await waitFor(
        () =>
          expect(canvas.getByTestId('follow-up')).toHaveTextContent('success'),
        { timeout: 10_000 },
      )
      expect(rawValue(canvas.getByTestId('follow-up-ms'))).toBeLessThan(10_000)
    })
  },
}
