import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../shared/errors.ts';
import { acceptsMembers, allowedTransitions, checkTransition } from '../../../shared/directory/lifecycle.ts';

describe('PLP life cycle', () => {
  it('walks the happy path from preparation to launched', () => {
    const path = ['preparation', 'information_session', 'charter_submitted', 'charter_approved', 'launched'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(() => checkTransition(path[i - 1]!, path[i]!, 'SPF/2026/123')).not.toThrow();
    }
  });

  it('refuses to skip the charter steps', () => {
    expect(() => checkTransition('preparation', 'launched')).toThrow(ConflictError);
    expect(() => checkTransition('information_session', 'charter_approved', 'X')).toThrow(ConflictError);
  });

  it('requires the charter reference to approve the charter', () => {
    expect(() => checkTransition('charter_submitted', 'charter_approved')).toThrow(ValidationError);
  });

  it('lets a launched PLP be suspended and relaunched', () => {
    expect(() => checkTransition('launched', 'suspended')).not.toThrow();
    expect(() => checkTransition('suspended', 'launched')).not.toThrow();
  });

  it('makes dissolution final', () => {
    expect(allowedTransitions('dissolved')).toEqual([]);
    expect(() => checkTransition('dissolved', 'launched')).toThrow(ConflictError);
  });

  it('accepts members only when launched', () => {
    expect(acceptsMembers('launched')).toBe(true);
    expect(acceptsMembers('suspended')).toBe(false);
    expect(acceptsMembers('charter_approved')).toBe(false);
  });
});
