// inFile places a reader's issues in the file they came from — all of them, or those under one field.
import { describe, expect, it } from 'vitest';
import { formatIssue, inFile, YaohaoError } from '../../src/index';

const error = new YaohaoError([
  { code: 'invalid_value', path: ['record', 'seed'], message: 'seed: empty' },
  { code: 'invalid_code', path: ['code'], message: 'code 12 is not 13 decimal digits' },
  { code: 'invalid_value', path: ['record', 'quota'], message: 'quota: 0', file: 'other.json' },
]);

describe('inFile', () => {
  it('names the file in every issue that names none', () => {
    expect(inFile(error, 'r.json').issues.map((issue) => issue.file)).toEqual(['r.json', 'r.json', 'other.json']);
  });
  it('with a field, only in the issues under it: a code typed next to the file is not its fault', () => {
    const placed = inFile(error, 'r.json', 'record');
    expect(placed.issues.map(formatIssue)).toEqual([
      'r.json: record.seed: empty',
      'code: code 12 is not 13 decimal digits',
      'other.json: record.quota: 0',
    ]);
    expect(placed.omittedIssues).toBe(error.omittedIssues);
  });
  it('refuses anything but an error, a file name and a field name', () => {
    expect(() => inFile(error, 'r.json', 5 as unknown as string)).toThrow(YaohaoError);
    expect(() => inFile({} as YaohaoError, 'r.json')).toThrow(YaohaoError);
  });
});
