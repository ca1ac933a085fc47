import {
  emptyDrillForm,
  fieldErrorsOfMessage,
  parseDrillForm,
} from './drillForm';

const filled = {
  ...emptyDrillForm('component:default/orders-db', '2026-11-20', 'staging'),
  scenario: '  Restore the orders database  ',
  ledBy: 'Jane Okafor',
  outcome: 'succeeded',
};

describe('parseDrillForm', () => {
  it('gives the input the backend expects, trimmed and split', () => {
    const parsed = parseDrillForm(
      {
        ...filled,
        entityRefs:
          'component:default/orders-db,\n Component:default/orders-api ,',
        measuredRto: ' 90m ',
        actionItems: 'Fix the runbook\n\n  Automate the restore  \n',
      },
      'drill-0001',
    );
    expect(parsed.errors).toBeUndefined();
    expect(parsed).toEqual({
      input: {
        id: 'drill-0001',
        entityRefs: [
          'component:default/orders-db',
          'component:default/orders-api',
        ],
        environment: 'staging',
        date: '2026-11-20',
        scenario: 'Restore the orders database',
        ledBy: 'Jane Okafor',
        measuredRto: '90m',
        outcome: 'succeeded',
        wentWell: '',
        toImprove: '',
        actionItems: ['Fix the runbook', 'Automate the restore'],
      },
    });
  });

  it('leaves an empty measured RTO out', () => {
    const parsed = parseDrillForm(filled, 'drill-0001');
    expect(parsed.errors).toBeUndefined();
    expect(
      parsed.errors ? undefined : parsed.input.measuredRto,
    ).toBeUndefined();
  });

  it('names each bad field with the schema’s message', () => {
    const parsed = parseDrillForm(
      {
        ...filled,
        entityRefs: '',
        environment: 'Prod!',
        date: '2026-13-01',
        scenario: ' ',
        measuredRto: 'soon',
        outcome: '',
      },
      'drill-0001',
    );
    expect(parsed.errors).toEqual({
      entityRefs: 'must name at least one entity',
      environment: expect.stringMatching(/^must be /),
      date: 'must be a date written YYYY-MM-DD',
      scenario: 'must say what was drilled',
      measuredRto: expect.stringMatching(/^must be a duration such as 30s/),
      outcome: 'must say how the drill ended',
    });
  });

  it('asks for an environment that was not chosen', () => {
    const parsed = parseDrillForm({ ...filled, environment: '' }, 'drill-0001');
    expect(parsed.errors).toEqual({
      environment: 'must say which environment was drilled',
    });
  });

  it('says which entity ref is wrong', () => {
    const parsed = parseDrillForm(
      {
        ...filled,
        entityRefs: 'component:default/orders-db, user:default/jane',
      },
      'drill-0001',
    );
    expect(parsed.errors?.entityRefs).toMatch(/^user:default\/jane: must be /);
  });
});

describe('fieldErrorsOfMessage', () => {
  it('puts each field the backend names next to its field', () => {
    expect(
      fieldErrorsOfMessage(
        'Invalid body: environment: must be one of staging, production; entityRefs.1: must be an entity ref; date: must be a date written YYYY-MM-DD',
      ),
    ).toEqual({
      environment: 'must be one of staging, production',
      entityRefs: 'must be an entity ref',
      date: 'must be a date written YYYY-MM-DD',
    });
  });

  it('keeps a message that lists refs whole, and ignores what is not a field', () => {
    expect(
      fieldErrorsOfMessage(
        'Invalid body: entityRefs: no such entity in the catalog: component:default/a, component:default/b',
      ),
    ).toEqual({
      entityRefs:
        'no such entity in the catalog: component:default/a, component:default/b',
    });
    expect(
      fieldErrorsOfMessage('Invalid body: body: is not valid JSON'),
    ).toEqual({});
  });
});
