/** The names the app generators and the rules agree on to tell Slipway's objects from everyone else's. */

/** The standard label naming the tool that manages an object. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** Its value on every object the generators write. */
export const MANAGED_BY_SLIPWAY = 'slipway';

/**
 * The annotation with which a user opts an object they wrote (or a whole
 * namespace) into Slipway's conventions: with the value `enforce` they apply
 * in full, as on generated objects.
 */
export const CONVENTIONS_ANNOTATION = 'slipway.io/conventions';
