import { chooseTransition, type JiraTransition } from '../../../src/domain/sync/transitions';

const to = (id: string, statusId: string, extra: Partial<JiraTransition> = {}): JiraTransition => ({
  id,
  name: `t${id}`,
  to: { id: statusId },
  isAvailable: true,
  hasScreen: false,
  isConditional: false,
  ...extra,
});

describe('chooseTransition', () => {
  it('picks the first available screenless transition to the target', () => {
    const list = [to('11', '3'), to('21', '5', { hasScreen: true }), to('31', '5'), to('41', '5')];
    expect(chooseTransition(list, '5')).toEqual({ ok: true, transitionId: '31' });
  });

  it('treats a missing isAvailable as available', () => {
    expect(chooseTransition([{ id: '7', to: { id: '5' } }], '5')).toEqual({ ok: true, transitionId: '7' });
  });

  it('skips unavailable ones (failed conditions)', () => {
    const list = [to('21', '5', { isAvailable: false, isConditional: true }), to('31', '5')];
    expect(chooseTransition(list, '5')).toEqual({ ok: true, transitionId: '31' });
  });

  it('reports screen-only', () => {
    expect(chooseTransition([to('21', '5', { hasScreen: true }), to('22', '5', { isAvailable: false })], '5')).toEqual({
      ok: false,
      reason: 'screen-only',
    });
  });

  it('reports unavailable', () => {
    expect(chooseTransition([to('21', '5', { isAvailable: false })], '5')).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('reports no transition', () => {
    expect(chooseTransition([to('11', '3')], '5')).toEqual({ ok: false, reason: 'no-transition' });
    expect(chooseTransition([], '5')).toEqual({ ok: false, reason: 'no-transition' });
  });
});
