import { useId, useState } from 'react'
import { selectRuleSubject } from '../../state/selectors'
import { useAppStore } from '../../state/store'

/** The message generator and file reader, loaded on first use (not needed to show the page). */
const loadVariants = () => import('../../state/message-variants')

/** Files larger than this are refused (a thousand log lines are far smaller). */
const MAX_FILE_BYTES = 2 * 1024 * 1024

/** Where the matrix's messages come from besides typing: a file, or generated from the patterns. */
export function MatrixSources() {
  const setText = useAppStore((s) => s.setTrialMessages)
  // The errorMessage the messages vary is the engine's rule-table subject: until the first
  // simulation has answered it is not known, and generating then would leave it out.
  const answered = useAppStore((s) => s.simulation !== undefined)
  const [note, setNote] = useState('')
  const fileId = useId()
  const generate = async () => {
    const { generateMessages, joinMessages } = await loadVariants()
    const state = useAppStore.getState()
    const messages = generateMessages(state.scenario, selectRuleSubject(state))
    setText(joinMessages(messages))
    setNote(`${messages.length} messages generated from the errorMessage and the patterns.`)
  }
  const load = async (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setNote(`${file.name} is larger than 2 MB; it was not loaded.`)
      return
    }
    const { MAX_MATRIX_MESSAGES, joinMessages, readMessageFile } = await loadVariants()
    const messages = readMessageFile(await file.text())
    setText(joinMessages(messages))
    setNote(
      `${messages.length} messages loaded from ${file.name}` +
        (messages.length > MAX_MATRIX_MESSAGES
          ? ` (the first ${MAX_MATRIX_MESSAGES} are used).`
          : '.'),
    )
  }
  return (
    <div className="matrix-sources">
      <button
        type="button"
        data-testid="matrix.generate"
        disabled={!answered}
        onClick={() => void generate()}
      >
        Generate from patterns
      </button>
      <label htmlFor={fileId} className="file-label">
        Load messages from a file
      </label>
      <input
        id={fileId}
        type="file"
        accept=".txt,.log,text/plain"
        data-testid="matrix.file"
        onChange={(e) => {
          void load(e.target.files?.[0])
          e.target.value = ''
        }}
      />
      <button type="button" data-testid="matrix.clear" onClick={() => setText('')}>
        Clear
      </button>
      <p className="hint" role="status" data-testid="matrix.note">
        {note}
      </p>
    </div>
  )
}
