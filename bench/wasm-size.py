#!/usr/bin/env python3
"""Where the wasm core's bytes go, gzipped (issues 16 and 18: budget 450 KB gz).

Usage: python3 bench/wasm-size.py MODULE.wasm [TOP]
MODULE.wasm must carry function names: relink the web flavour with --profiling-funcs, e.g.
  (cd build-wasm && ninja -t commands wasm/exportcheck-core.mjs | tail -1) and rerun that em++ line with
  --profiling-funcs and another -o. Prints code and data sizes, raw and gzip -9, then code by group (each
  group's function bodies gzipped together), then the TOP largest functions.
"""
import collections
import re
import sys
import zlib


def uleb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        n, i = uleb(data, i + 1)
        yield sid, data[i:i + n]
        i += n


def imported_functions(b):
    count, j = uleb(b, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, j = uleb(b, j)
            j += n
        kind = b[j]
        j += 1
        if kind == 0:
            funcs += 1
            _, j = uleb(b, j)
        elif kind == 1:
            flags, j = uleb(b, j + 1)
            _, j = uleb(b, j)
            if flags & 1:
                _, j = uleb(b, j)
        elif kind == 2:
            flags, j = uleb(b, j)
            _, j = uleb(b, j)
            if flags & 1:
                _, j = uleb(b, j)
        elif kind == 3:
            j += 2
        elif kind == 4:
            _, j = uleb(b, j + 1)
    return funcs


def read(path):
    data = open(path, 'rb').read()
    imports, bodies, names, segments = 0, [], {}, []
    for sid, b in sections(data):
        if sid == 2:
            imports = imported_functions(b)
        elif sid == 10:
            count, j = uleb(b, 0)
            for _ in range(count):
                n, j = uleb(b, j)
                bodies.append(b[j:j + n])
                j += n
        elif sid == 11:
            count, j = uleb(b, 0)
            for _ in range(count):
                flags, j = uleb(b, j)
                if flags == 0:  # i32.const offset, end
                    _, j = uleb(b, j + 1)
                    j += 1
                n, j = uleb(b, j)
                segments.append(b[j:j + n])
                j += n
        elif sid == 0:
            n, j = uleb(b, 0)
            if b[j:j + n] != b'name':
                continue
            j += n
            while j < len(b):
                sub = b[j]
                n, j = uleb(b, j + 1)
                end = j + n
                if sub == 1:
                    count, j = uleb(b, j)
                    for _ in range(count):
                        index, j = uleb(b, j)
                        n, j = uleb(b, j)
                        names[index] = b[j:j + n].decode('utf-8', 'replace')
                        j += n
                j = end
    return bodies, [names.get(imports + k, '?') for k in range(len(bodies))], segments


def group(name):
    if 'nlohmann' in name:
        return 'nlohmann::ordered_json' if 'ordered_map' in name else 'nlohmann::ordered_json'
    if 'fmt::' in name:
        return 'fmt'
    if re.search(r'locale|ctype|num_put|num_get|basic_ios|basic_ostream|basic_istream|streambuf|ios_base', name):
        return 'std iostream/locale'
    if re.search(r'__cxa|_Unwind|exception|typeinfo|__dynamic_cast|type_info', name):
        return 'exceptions/rtti'
    if 'guarded<' in name or name.startswith('ec_'):
        return 'wasm bindings'
    if name.startswith('exportcheck::'):
        m = re.match(r'exportcheck::(?:\(anonymous namespace\)::)?(\w+)', name)
        return 'exportcheck::' + (m.group(1) if m else '?')
    if name.startswith('std::'):
        return 'std (other)'
    return 'libc, std algorithms on our types, other'


def gz(b):
    return len(zlib.compress(b, 9))


def main():
    bodies, names, segments = read(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    if all(n == '?' for n in names):
        sys.exit('no function names: relink with --profiling-funcs')
    code, data = b''.join(bodies), b''.join(segments)
    print(f'code {len(code) / 1024:.0f} KB raw, {gz(code) / 1024:.0f} KB gz; '
          f'data {len(data) / 1024:.0f} KB raw, {gz(data) / 1024:.0f} KB gz')
    groups = collections.defaultdict(list)
    for body, name in zip(bodies, names):
        groups[group(name)].append(body)
    rows = sorted(((gz(b''.join(v)), len(b''.join(v)), len(v), k) for k, v in groups.items()), reverse=True)
    print('\nKB gz  KB raw  functions  group')
    for z, raw, count, key in rows[:top]:
        print(f'{z / 1024:5.1f}  {raw / 1024:6.1f}  {count:9d}  {key}')
    print('\nlargest functions (bytes raw)')
    for size, name in sorted(((len(b), n) for b, n in zip(bodies, names)), reverse=True)[:top]:
        print(f'{size:7d}  {name[:150]}')


if __name__ == '__main__':
    main()
