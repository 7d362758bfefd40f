import type { Container } from '../../inventory/workloads.js';

interface ContainerPort {
  readonly name?: string;
  readonly containerPort?: number;
  readonly protocol?: string;
}

/** The ports a container declares. */
export function declaredPorts(c: Container): readonly ContainerPort[] {
  return Array.isArray(c.ports) ? (c.ports as ContainerPort[]) : [];
}

/** How a port reference (a name or a number) resolves against a container's declared ports. */
export type PortMatch = 'declared' | 'wrong-protocol' | 'undeclared-name' | 'undeclared-number' | 'no-ports';

/**
 * Resolves a named or numeric port of the given protocol (TCP when omitted)
 * against the container's declared ports. A name must be declared to work at
 * all; a number works if the process listens, so an undeclared one is only
 * `no-ports` when the container declares none (nothing to compare with).
 */
export function matchPort(c: Container, port: string | number, protocol = 'TCP'): PortMatch {
  const ports = declaredPorts(c);
  const named = typeof port === 'string' && !/^\d+$/.test(port);
  const hit = ports.find((p) => (named ? p.name === port : p.containerPort === Number(port)));
  if (hit) return (hit.protocol ?? 'TCP') === protocol ? 'declared' : 'wrong-protocol';
  if (named) return 'undeclared-name';
  return ports.length === 0 ? 'no-ports' : 'undeclared-number';
}
