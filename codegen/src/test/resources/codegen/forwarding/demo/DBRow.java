package demo;

/** A name that starts with an acronym, as PGConnection does. */
public interface DBRow {
    int id();
}
