import * as v from 'valibot';
import { fieldMessages, listFields, object, strictObject } from '../../src/shared/validation';

const messages = (schema: v.GenericSchema, input: unknown): Record<string, string> => {
  const result = v.safeParse(schema, input);
  return result.success ? {} : fieldMessages(result.issues);
};

describe('shared validation (valibot with the messages the app shows)', () => {
  const form = strictObject({
    name: v.pipe(v.string('enter a name'), v.trim(), v.minLength(2)),
    size: v.optional(v.pipe(v.number(), v.integer(), v.maxValue(9))),
    owner: v.optional(object({ id: v.string() })),
  });

  it("reports a missing field with its own schema's message, as for any value of the wrong type", () => {
    expect(messages(form, {})).toEqual({ name: 'enter a name' });
    expect(messages(form, { name: 3 })).toEqual({ name: 'enter a name' });
    expect(messages(form, { name: 'ab', owner: {} })).toEqual({ 'owner.id': 'is missing' });
  });

  it('gives checks without a message of their own plain English', () => {
    expect(messages(form, { name: ' a ' })).toEqual({ name: 'must have at least 2 characters' });
    expect(messages(form, { name: 'ab', size: '3' })).toEqual({ size: 'must be of type number' });
    expect(messages(form, { name: 'ab', size: 1.5 })).toEqual({ size: 'must be a whole number' });
    expect(messages(form, { name: 'ab', size: 10 })).toEqual({ size: 'must be at most 9' });
    expect(messages(form, { name: 'ab', owner: { id: 7 } })).toEqual({ 'owner.id': 'must be of type string' });
  });

  it("refuses an unknown key on its object, in the object's own words when it has them", () => {
    expect(messages(form, { name: 'ab', colour: 'red' })).toEqual({ '(input)': 'Unrecognized key: "colour"' });
    expect(messages(strictObject({}, 'this call takes no input'), { force: true })).toEqual({
      '(input)': 'this call takes no input',
    });
  });

  it('keeps the first message of each path and lists them in one sentence', () => {
    const fields = messages(form, { name: '', size: 99 });
    expect(fields).toEqual({ name: 'must have at least 2 characters', size: 'must be at most 9' });
    expect(listFields(fields)).toBe('name: must have at least 2 characters; size: must be at most 9');
  });

  it('trims before it checks, and returns the trimmed value', () => {
    expect(v.parse(form, { name: '  Ada  ' })).toEqual({ name: 'Ada' });
  });
});

describe('objects', () => {
  it('refuse an array, which valibot alone would read as an object without keys', () => {
    const schema = strictObject({ note: v.optional(v.string()) });
    expect(v.safeParse(schema, {}).success).toBe(true);
    const parsed = v.safeParse(schema, []);
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.[0]?.message).toBe('must be of type object');
    expect(v.safeParse(strictObject({ inner: strictObject({}) }), {}).issues?.[0]?.message).toBe('is missing');
  });
});
