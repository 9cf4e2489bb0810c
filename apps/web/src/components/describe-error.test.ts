import { ApiError } from '../lib/api-client';
import { describeError } from './describe-error';

describe('an error state’s words', () => {
  it('says a 403 is a matter of access and a 404 that nothing is there', () => {
    expect(
      describeError('The profile could not be loaded', new ApiError(403, 'forbidden', 'Not yours.')),
    ).toEqual({
      title: 'You do not have access',
      message: 'Not yours.',
    });
    expect(
      describeError('The profile could not be loaded', new ApiError(404, 'not_found', 'No such learner.')),
    ).toEqual({
      title: 'Not found',
      message: 'No such learner.',
    });
  });

  it('keeps the caller’s title for anything else', () => {
    expect(describeError('Could not load', new ApiError(503, 'internal', 'Busy.'))).toEqual({
      title: 'Could not load',
      message: 'Busy.',
    });
    expect(describeError('Could not load', 'weird')).toEqual({
      title: 'Could not load',
      message: 'Unknown error.',
    });
  });
});
