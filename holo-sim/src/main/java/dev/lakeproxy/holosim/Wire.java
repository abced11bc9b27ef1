/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.holosim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** PostgreSQL wire-protocol framing: integers, C strings, messages, and ErrorResponse. */
final class Wire {
    private Wire() {
    }

    static int readInt(InputStream in) throws IOException {
        int a = in.read();
        int b = in.read();
        int c = in.read();
        int d = in.read();
        if ((a | b | c | d) < 0) {
            throw new EOFException();
        }
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    static byte[] readFully(InputStream in, int n) throws IOException {
        if (n < 0) {
            throw new IOException("bad message length");
        }
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new EOFException();
            }
            off += r;
        }
        return buf;
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24)
                | ((b[off + 1] & 0xff) << 16)
                | ((b[off + 2] & 0xff) << 8)
                | (b[off + 3] & 0xff);
    }

    static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static int indexOfZero(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    static String cstring(byte[] b, int from) {
        int z = indexOfZero(b, from);
        return new String(b, from, z - from, StandardCharsets.UTF_8);
    }

    static byte[] cstringBytes(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[t.length + 1];
        System.arraycopy(t, 0, out, 0, t.length);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Writes one message: type byte, length, body. */
    static void writeMessage(OutputStream out, int type, byte[] body) throws IOException {
        out.write(type);
        out.write(intBytes(body.length + 4));
        out.write(body);
    }

    static void sendError(OutputStream out, String severity, String code, String message)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        field(b, 'S', severity);
        field(b, 'V', severity);
        field(b, 'C', code);
        field(b, 'M', message);
        b.write(0);
        byte[] body = b.toByteArray();
        writeMessage(out, 'E', body);
        out.flush();
    }

    private static void field(ByteArrayOutputStream b, char type, String value) throws IOException {
        b.write(type);
        b.write(value.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

}
