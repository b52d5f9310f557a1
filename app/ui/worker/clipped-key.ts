/** The key of a trace stage's input or output in `display.clipped` (see prepare-display.ts). */
export function clippedTraceKey(index: number, side: 'input' | 'output') {
  return `trace.${index}.${side}` as const
}
