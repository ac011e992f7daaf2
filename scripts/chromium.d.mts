export function findChromium(): string | undefined
export function findPlaywrightChromium(): Promise<string | undefined>
export const HOW_TO_GET_CHROMIUM: string
export const chromiumArgs: string[]
