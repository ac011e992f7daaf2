import type { Preview } from '@storybook/react-vite'

const preview: Preview = {
  parameters: { controls: { expanded: true } },
  tags: ['autodocs'],
}
export default preview
