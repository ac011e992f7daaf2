import type { Preview } from '@storybook/react-vite'
import '../stories/ui/ui.css'

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'fullscreen',
    options: {
      storySort: {
        order: [
          'Introduction',
          'Recipes',
          [
            'Heavy work in the background',
            'Monitoring the status',
            'Updating the state with the result',
            'Tracking progress',
            'Cancel and timeout',
            'Failures',
            'Concurrency policies',
            'One task seen from several places',
            'Partial results',
            'Large data',
          ],
        ],
      },
    },
  },
  tags: ['autodocs'],
}
export default preview
