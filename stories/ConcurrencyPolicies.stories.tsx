import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { ConcurrencyPolicies } from './recipes/ConcurrencyPolicies.tsx'

const meta = {
  title: 'Recipes/Concurrency policies',
  component: ConcurrencyPolicies,
  args: { limit: 2_000_000 },
} satisfies Meta<typeof ConcurrencyPolicies>

export default meta
type Story = StoryObj<typeof meta>

// What three quick calls become under each policy, and which one is shown.
const EXPECTED = {
  replace: { outcomes: ['cancelled', 'cancelled', 'done'], shown: '#3' },
  drop: { outcomes: ['done', 'cancelled', 'cancelled'], shown: '#1' },
  queue: { outcomes: ['done', 'done', 'done'], shown: '#3' },
  keepLatest: { outcomes: ['done', 'cancelled', 'done'], shown: '#3' },
}

export const ConcurrencyPoliciesSideBySide: Story = {
  name: 'Concurrency policies',
  play: async ({ canvas, userEvent }) => {
    for (const policy of Object.keys(EXPECTED)) {
      const button = canvas.getByRole('button', { name: `Run (${policy})` })
      for (let i = 0; i < 3; i++) await userEvent.click(button)
    }
    for (const [policy, expected] of Object.entries(EXPECTED)) {
      const panel = canvas.getByRole('region', { name: `Policy ${policy}` })
      const log = canvas.getByRole('list', { name: `Calls with ${policy}` })
      await waitFor(
        () => {
          const outcomes = [...log.querySelectorAll('li')].map(
            (li) => li.dataset['outcome'],
          )
          expect(outcomes).toEqual(expected.outcomes)
        },
        { timeout: 20_000 },
      )
      await waitFor(() => expect(panel).toHaveTextContent('success'))
      expect(panel.querySelector('[data-testid="shown"]')).toHaveTextContent(
        expected.shown,
      )
    }
  },
}
