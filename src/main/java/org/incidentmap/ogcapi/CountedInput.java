package org.incidentmap.ogcapi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that tells {@link #counted} the running total of bytes read after every read. */
abstract class CountedInput extends FilterInputStream {

    private long total;

    CountedInput(InputStream in) {
        super(in);
    }

    /** Called with the bytes read so far; throws to stop the reading. */
    protected abstract void counted(long total);

    long total() {
        return total;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        add(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        add(Math.max(n, 0));
        return n;
    }

    private void add(int n) {
        total += n;
        counted(total);
    }
}
