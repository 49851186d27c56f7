package com.example.phoneinc;

import java.io.File;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * Camel's {@link FileStateRepository} with a constructor that takes the path as text, so YAML beans
 * and properties can name it ({@code type: com.example.phoneinc.FileWatermarkRepository}, {@code
 * constructors: {0: data/phoneinc-watermarks.txt}}) — Camel cannot turn a string into the {@code
 * java.io.File} the original needs. One node per file: for a cluster, use a shared store.
 */
public class FileWatermarkRepository extends FileStateRepository {

    public FileWatermarkRepository(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("FileWatermarkRepository needs the path of a file");
        }
        setFileStore(new File(path.strip()));
    }

    @Override
    public String toString() {
        return "FileWatermarkRepository[" + getFilePath() + "]";
    }
}
