/** A Kubernetes label selector (matchLabels and matchExpressions). */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
    readonly values?: readonly string[];
  }[];
}

/**
 * Whether labels satisfy a selector. An empty selector ({}) selects everything;
 * a missing one (undefined) selects nothing, as the API server treats them.
 */
export function matchesSelector(
  selector: LabelSelector | undefined | null,
  labels: Readonly<Record<string, string>> = {},
): boolean {
  if (!selector) return false;
  const matchLabels = selector.matchLabels;
  if (typeof matchLabels === 'object' && matchLabels !== null) {
    // for…in over own keys: the pairs Object.entries would give, in the same order, without building them.
    for (const k in matchLabels) if (Object.hasOwn(matchLabels, k) && labels[k] !== matchLabels[k]) return false;
  } else for (const [k, v] of Object.entries(matchLabels ?? {})) if (labels[k] !== v) return false;
  const expressions = selector.matchExpressions;
  if (expressions === undefined || expressions === null) return true;
  for (const e of expressions) {
    const has = Object.hasOwn(labels, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[e.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A Service's selector is a plain map; an empty or missing one selects no pods. */
export function matchesServiceSelector(
  selector: Readonly<Record<string, string>> | undefined,
  labels: Readonly<Record<string, string>> = {},
): boolean {
  if (!selector) return false;
  if (typeof selector !== 'object') {
    return Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
  }
  let any = false;
  for (const k in selector) {
    if (!Object.hasOwn(selector, k)) continue;
    any = true;
    if (labels[k] !== selector[k]) return false;
  }
  return any;
}
