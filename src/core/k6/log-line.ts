// k6 writes its log to stderr in logfmt: `time="..." level=error msg="..." key=value key="quoted \"value\""`.
// Decoding it lets the runner quote k6's own error line and find the URL behind "connection refused".

export interface K6LogLine {
  level: string | undefined;
  msg: string | undefined;
  fields: Record<string, string>;
}

/** The fields of one logfmt line, or undefined when the line is not k6 log output. */
export function parseK6LogLine(line: string): K6LogLine | undefined {
  const fields: Record<string, string> = {};
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] === ' ') i++;
    const keyStart = i;
    while (i < n && line[i] !== '=' && line[i] !== ' ') i++;
    if (i >= n || line[i] !== '=') {
      if (i > keyStart) return undefined;
      break;
    }
    const key = line.slice(keyStart, i);
    i++;
    let value = '';
    if (line[i] === '"') {
      i++;
      while (i < n && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < n) {
          const next = line[i + 1];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else {
          value += line[i];
          i++;
        }
      }
      i++;
    } else {
      const valueStart = i;
      while (i < n && line[i] !== ' ') i++;
      value = line.slice(valueStart, i);
    }
    fields[key] = value;
  }
  if (fields.level === undefined && fields.msg === undefined) return undefined;
  return { level: fields.level, msg: fields.msg, fields };
}

/** The readable text of a k6 log line: its message, with the error detail k6 puts in a separate field. */
export function logLineText(line: K6LogLine): string {
  const parts = [line.msg, line.fields.error].filter((part): part is string => part !== undefined && part !== '');
  return parts.join(': ');
}

/** The URL in a Go HTTP client error such as `Get "http://127.0.0.1:9/": dial tcp ...`. */
export function urlInRequestError(error: string): string | undefined {
  return /^[A-Za-z]+ "([^"]+)"/.exec(error)?.[1];
}
