import type { ThemePreference } from '../../state/slices/ui'
import { useAppStore } from '../../state/store'

/** Light / dark / follow the system. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme)
  const setTheme = useAppStore((s) => s.setTheme)
  return (
    <label className="field inline">
      <span>Theme</span>
      <select
        data-testid="theme"
        value={theme}
        onChange={(e) => setTheme(e.target.value as ThemePreference)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
