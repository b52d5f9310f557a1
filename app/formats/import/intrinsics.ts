/**
 * CloudFormation's intrinsic functions, resolved as far as the file itself allows: `Ref` to a
 * parameter with a `Default`, `Fn::Sub`, `Fn::Join`, `Fn::Select`/`Fn::Split` of known strings.
 * What depends on a deployment (`Fn::GetAtt`, `Fn::ImportValue`, pseudo parameters, parameters
 * without a default) stays a visible `${...}` placeholder and is listed as not imported.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import type { Notes, Obj } from './common'
import { isObject, own } from './common'
import { plainText } from './read-context'

export type Intrinsics = {
  /** Parameters with a `Default`, and `Fn::Sub` variables. */
  parameters: Map<string, string>
}

function placeholder(text: string, what: string, where: string, notes: Notes, reason: string) {
  if (!notes.notImported.some((n) => n.what === what && n.where === where))
    notes.notImported.push({ what, where, reason })
  return text
}

/** The single key of an intrinsic-function object, or undefined. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined
  const keys = Object.keys(value)
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))
    ? keys[0]
    : undefined
}

/** Resolves a value to a string; unresolved parts become `${...}` placeholders with a note. */
export function resolveText(
  value: unknown,
  env: Intrinsics,
  where: string,
  notes: Notes,
  depth = 0,
): string | undefined {
  const plain = plainText(value)
  if (plain !== undefined) return plain
  const fn = intrinsicName(value)
  if (!fn || depth > 20) return undefined
  const arg = (value as Obj)[fn]
  const again = (v: unknown) => resolveText(v, env, where, notes, depth + 1)
  switch (fn) {
    case 'Ref': {
      const name = String(arg)
      const known = env.parameters.get(name)
      if (known !== undefined) return known
      return placeholder(
        `\${${name}}`,
        `!Ref ${name}`,
        where,
        notes,
        name.startsWith('AWS::')
          ? 'a pseudo parameter known only at deployment'
          : 'a parameter or resource known only at deployment',
      )
    }
    case 'Fn::GetAtt': {
      const parts = Array.isArray(arg) ? arg.map(String) : String(arg).split('.')
      const name = parts.join('.')
      return placeholder(
        `\${${name}}`,
        `!GetAtt ${name}`,
        where,
        notes,
        'an attribute known only at deployment',
      )
    }
    case 'Fn::ImportValue': {
      const name = again(arg) ?? '?'
      return placeholder(
        `\${ImportValue:${name}}`,
        `!ImportValue ${name}`,
        where,
        notes,
        'another stack’s export is not in this file',
      )
    }
    case 'Fn::Sub': {
      const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined]
      if (typeof template !== 'string') return undefined
      return template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
        if (name.startsWith('!')) return `\${${name.slice(1)}}`
        const local = own(vars, name)
        if (local !== undefined) return again(local) ?? whole
        const known = env.parameters.get(name)
        if (known !== undefined) return known
        return placeholder(
          whole,
          `!Sub \${${name}}`,
          where,
          notes,
          name.includes('.')
            ? 'an attribute known only at deployment'
            : name.startsWith('AWS::')
              ? 'a pseudo parameter known only at deployment'
              : 'a parameter or resource known only at deployment',
        )
      })
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1]))
        return undefined
      const parts = arg[1].map(again)
      return parts.every((p) => p !== undefined) ? parts.join(arg[0]) : undefined
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg)) return undefined
      const index = Number(again(arg[0]))
      const list = Array.isArray(arg[1]) ? arg[1] : resolveList(arg[1], env, where, notes)
      return list ? again(list[index]) : undefined
    }
    default:
      return placeholder(
        `\${${fn}}`,
        fn,
        where,
        notes,
        'this intrinsic function is not evaluated by the lab',
      )
  }
}

function resolveList(
  value: unknown,
  env: Intrinsics,
  where: string,
  notes: Notes,
): unknown[] | undefined {
  if (intrinsicName(value) === 'Fn::Split') {
    const arg = (value as Obj)['Fn::Split']
    if (!Array.isArray(arg)) return undefined
    const text = resolveText(arg[1], env, where, notes)
    return typeof arg[0] === 'string' && text !== undefined ? text.split(arg[0]) : undefined
  }
  return undefined
}

/** Parameters with a string default. */
export function readParameterDefaults(template: Obj): Map<string, string> {
  const out = new Map<string, string>()
  const params = own(template, 'Parameters')
  if (isObject(params))
    for (const [name, p] of Object.entries(params)) {
      const d = plainText(own(p, 'Default'))
      if (d !== undefined) out.set(name, d)
    }
  return out
}
