import { selectIntegrationType } from '../../state/selectors'
import { useAppStore } from '../../state/store'

const OPTIONS = [
  { type: 'AWS_PROXY', label: 'Lambda proxy', testId: 'integration-type.proxy' },
  { type: 'AWS', label: 'Lambda custom', testId: 'integration-type.custom' },
] as const

/** Switches the same function outcome between a proxy and a custom (non-proxy) integration. */
export function IntegrationTypeSwitch() {
  const type = useAppStore(selectIntegrationType)
  const editScenario = useAppStore((s) => s.editScenario)
  return (
    <fieldset className="segmented" data-testid="integration-type">
      <legend>Integration</legend>
      {OPTIONS.map((o) => (
        <label key={o.type} className={type === o.type ? 'selected' : ''}>
          <input
            type="radio"
            name="integration-type"
            value={o.type}
            checked={type === o.type}
            data-testid={o.testId}
            onChange={() =>
              editScenario((draft) => {
                draft.setup.method.methodIntegration.type = o.type
              })
            }
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}
