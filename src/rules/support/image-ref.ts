/** The parts of a container image reference: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  /** The registry host (docker.io when the reference names none). */
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Splits an image reference the way the container runtime reads it: the first
 * path component is a registry when it has a dot or a port, or is localhost;
 * the tag is what follows the last colon of the last component.
 */
export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const named = at >= 0 ? image.slice(0, at) : image;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const path = colon > slash ? named.slice(0, colon) : named;
  const first = path.split('/')[0];
  const hasRegistry = path.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : 'docker.io',
    repository: hasRegistry ? path.slice(first.length + 1) : path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}
