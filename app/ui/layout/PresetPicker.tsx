import { PRESETS } from '../../state/presets'
import { useAppStore } from '../../state/store'

/** The preset select; shows "Custom scenario" once the loaded preset has been edited. */
export function PresetPicker() {
  const presetId = useAppStore((s) => s.presetId)
  const loadPreset = useAppStore((s) => s.loadPreset)
  return (
    <label className="field inline">
      <span>Preset</span>
      <select
        data-testid="preset"
        value={presetId ?? ''}
        onChange={(e) => e.target.value && loadPreset(e.target.value)}
      >
        <option value="" disabled>
          Custom scenario
        </option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  )
}
