/** Kinds a live read could not list (`unread`), keyed as a report's unknown parts: `kubernetes.Deployment`. */
export function unreadParts(unread: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(unread).map(([kind, why]) => [`kubernetes.${kind}`, why]));
}
