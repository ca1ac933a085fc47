import { overviewRows, paymentsGatewayRow } from '../../testing/overview';
import { csvField, overviewCsv } from './overviewCsv';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=x', "'\t=x"],
    ['=HYPERLINK("http://x", "y")', '"\'=HYPERLINK(""http://x"", ""y"")"'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and nothing for a missing value', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(undefined)).toBe('');
  });
});

describe('overviewCsv', () => {
  it('writes a header and one line per row, a hostile title neutralised and quoted', () => {
    const postgresql = overviewRows.find(
      row => row.entity.name === 'postgresql-orders',
    )!;
    expect(overviewCsv([paymentsGatewayRow, postgresql])).toBe(
      [
        'ref,title,party,accountable,owner,worst level,backup,next window start,environment,end of life,problems,flags',
        'component:default/payments-gateway,"\'=Payments, ""gateway""",application,group:default/payments-team,group:default/payments-team,P1,ok,2026-12-08T01:00:00.000Z,production,eol,1,P1 firing; Past end of life; Annotation problems',
        'component:default/postgresql-orders,PostgreSQL (orders),platform,group:default/platform-team,group:default/platform-team,,breached,2026-12-01T08:00:00.000Z,staging,,0,Backup RPO breached; DR drill overdue or missing',
        '',
      ].join('\r\n'),
    );
  });

  it('writes only the header for no rows', () => {
    expect(overviewCsv([])).toBe(
      'ref,title,party,accountable,owner,worst level,backup,next window start,environment,end of life,problems,flags\r\n',
    );
  });

  it('reads back to the same fields with a CSV reader that honours quotes', () => {
    const [, line] = overviewCsv([paymentsGatewayRow]).split('\r\n');
    // A minimal RFC 4180 reader for one line.
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (char === '"') quoted = false;
        else field += char;
      } else if (char === '"') quoted = true;
      else if (char === ',') {
        fields.push(field);
        field = '';
      } else field += char;
    }
    fields.push(field);
    expect(fields).toHaveLength(12);
    expect(fields[1]).toBe('\'=Payments, "gateway"');
  });
});
