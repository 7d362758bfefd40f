import { describe, expect, it } from 'vitest';
import { parseImageRef } from '../../../src/rules/support/image-ref.js';

describe('parseImageRef', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'nginx' }],
    ['library/redis:7.4', { registry: 'docker.io', repository: 'library/redis', tag: '7.4' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:1.0.0',
      { registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'shop/api', tag: '1.0.0' },
    ],
    ['ghcr.io/org/app@sha256:abc', { registry: 'ghcr.io', repository: 'org/app', digest: 'sha256:abc' }],
    ['quay.io/a/b:1@sha256:abc', { registry: 'quay.io', repository: 'a/b', tag: '1', digest: 'sha256:abc' }],
  ])('reads %s', (image, expected) => {
    expect(parseImageRef(image)).toEqual(expected);
  });
});
