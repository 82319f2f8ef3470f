package jp.kodoku.platform.infra.testsupport;

import jp.kodoku.platform.infra.files.FileStorage;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Attachments' bytes in a map, for aggregate tests whose handlers store files (the real one is JdbcFileStorage). */
public class InMemoryFileStorage implements FileStorage {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void put(String sha256, byte[] content) {
        files.putIfAbsent(sha256, content.clone());
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return Optional.ofNullable(files.get(sha256)).map(byte[]::clone);
    }

    public int size() {
        return files.size();
    }
}
