import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queueEditorTask } from './editor-tasks'

describe('editor tasks', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs nothing in the queuing task, then one job per task in order', () => {
    const ran: string[] = []
    queueEditorTask(() => ran.push('a'))
    queueEditorTask(() => ran.push('b'))
    queueEditorTask(() => ran.push('c'))
    expect(ran).toEqual([])
    vi.advanceTimersToNextTimer()
    expect(ran).toEqual(['a'])
    vi.advanceTimersToNextTimer()
    expect(ran).toEqual(['a', 'b'])
    vi.runAllTimers()
    expect(ran).toEqual(['a', 'b', 'c'])
  })

  it('skips a cancelled job without spending a task on it', () => {
    const ran: string[] = []
    const cancel = queueEditorTask(() => ran.push('a'))
    queueEditorTask(() => ran.push('b'))
    cancel()
    vi.advanceTimersToNextTimer()
    expect(ran).toEqual(['b'])
    vi.runAllTimers()
    expect(ran).toEqual(['b'])
  })

  it('runs a job queued by a running job after the ones already waiting', () => {
    const ran: string[] = []
    queueEditorTask(() => {
      ran.push('a')
      queueEditorTask(() => ran.push('c'))
    })
    queueEditorTask(() => ran.push('b'))
    vi.runAllTimers()
    expect(ran).toEqual(['a', 'b', 'c'])
  })
})
