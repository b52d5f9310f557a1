import { useAppStore } from '../../state/store'
import { CommitInput } from '../common/CommitInput'
import { KeyValueTable } from '../common/KeyValueTable'
import { Panel } from '../common/Panel'

/** The stage the method is deployed to: its name and its stage variables. */
export function StagePanel() {
  const stageName = useAppStore((s) => s.scenario.setup.stageName)
  const variables = useAppStore((s) => s.scenario.setup.stageVariables)
  const binaryMediaTypes = useAppStore((s) => s.scenario.setup.binaryMediaTypes)
  const editScenario = useAppStore((s) => s.editScenario)
  return (
    <Panel title="Stage" testId="panel.stage">
      <label className="field">
        <span>Stage name ($context.stage, and the path prefix the client calls)</span>
        <input
          size={16}
          spellCheck={false}
          data-testid="stage.name"
          value={stageName ?? 'test'}
          onChange={(e) =>
            editScenario((d) => {
              d.setup.stageName = e.target.value
            })
          }
        />
      </label>
      <KeyValueTable
        caption="Stage variables ($stageVariables in templates; stageVariables in the proxy event)"
        keyLabel="Name"
        valueLabel="Value"
        testIdPrefix="stage.variable"
        newKey="myVariable"
        newValue="value"
        entries={variables}
        onChange={(next) =>
          editScenario((d) => {
            if (next) d.setup.stageVariables = next
            else delete d.setup.stageVariables
          })
        }
      />
      <CommitInput
        label="Binary media types of the API (comma-separated, e.g. image/png, application/octet-stream)"
        testId="stage.binary-media-types"
        size={40}
        value={(binaryMediaTypes ?? []).join(', ')}
        onCommit={(text) =>
          editScenario((d) => {
            const list = text
              .split(',')
              .map((t) => t.trim())
              .filter((t) => t !== '')
            if (list.length > 0) d.setup.binaryMediaTypes = list
            else delete d.setup.binaryMediaTypes
          })
        }
      />
    </Panel>
  )
}
