/**
 * Monaco work that need not happen in the task that changed the page. Creating an editor costs
 * 5 to 30 ms and disposing one 3 to 10 ms: a scenario load that swaps several editors (another
 * Lambda outcome, other rules) did all of it inside the one task that also rendered the load, and
 * held the page's thread for over 50 ms. Each job here runs in a task of its own, a frame after
 * the one before, in the order queued, so the browser can paint and handle input between them.
 */

type Job = { run: () => void; cancelled: boolean }

const jobs: Job[] = []
let scheduled = false

function runNext(): void {
  scheduled = false
  let job = jobs.shift()
  while (job?.cancelled) job = jobs.shift()
  if (jobs.length > 0) schedule()
  job?.run()
}

/**
 * The next job waits for a frame, then runs in a task of its own: Monaco draws a new editor in
 * the next animation frame, so editors made back to back would all be drawn in one frame.
 */
function schedule(): void {
  if (scheduled) return
  scheduled = true
  const frame = globalThis.requestAnimationFrame as ((cb: () => void) => number) | undefined
  if (frame) frame(() => setTimeout(runNext, 0))
  else setTimeout(runNext, 0)
}

/** Runs `run` in a task of its own after the jobs queued before it; returns a cancel function. */
export function queueEditorTask(run: () => void): () => void {
  const job: Job = { run, cancelled: false }
  jobs.push(job)
  schedule()
  return () => {
    job.cancelled = true
  }
}
