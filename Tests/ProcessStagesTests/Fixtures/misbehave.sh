#!/bin/sh
# A plugin that answers hello and index properly, then misbehaves on the third request in the
# way its first argument names (ProtocolFailureTests drives one per way). The v4-… modes agree
# on protocol version 4 (compact lists); the others on version 1.
mode="$1"
read -r line
case "$mode" in
v4-*) echo '{"id":1,"ok":true,"protocol":4,"name":"misbehave","capabilities":["hello","index","retrieve","reset"]}' ;;
*) echo '{"id":1,"ok":true,"protocol":1,"name":"misbehave","capabilities":["hello","index","retrieve"]}' ;;
esac
read -r line
echo '{"id":2,"ok":true}'
read -r line
case "$mode" in
crash)
    echo "misbehave: loading the model" >&2
    echo "misbehave: out of memory, giving up" >&2
    exit 3 ;;
timeout)
    echo "misbehave: thinking" >&2
    sleep 20 ;;
notjson)
    echo 'Traceback (most recent call last): this is not JSON' ;;
count)
    echo '{"id":3,"ok":true,"results":[]}' ;;
wrongid)
    echo '{"id":7,"ok":true,"results":[[]]}' ;;
unknown)
    echo '{"id":3,"ok":true,"results":[[{"article":"no-such-article","score":1.5}]]}' ;;
refuse)
    echo '{"id":3,"error":"model 0 is not loaded"}' ;;
compact)
    # a compact list from a plugin that agreed on version 1
    echo '{"id":3,"ok":true,"results":[{"articles":[1,0],"scores":"40040000000000003ff0000000000000"}]}' ;;
v4-good)
    # a2 (ordinal 1) scores 2.5, a1 (ordinal 0) 1.0: their bit patterns
    echo '{"id":3,"ok":true,"results":[{"articles":[1,0],"scores":"40040000000000003ff0000000000000"}]}'
    read -r line
    echo '{"id":4,"ok":true}' ;;
v4-ordinal)
    echo '{"id":3,"ok":true,"results":[{"articles":[2],"scores":"4004000000000000"}]}' ;;
v4-scores)
    echo '{"id":3,"ok":true,"results":[{"articles":[1,0],"scores":"4004000000000000"}]}' ;;
v4-hex)
    echo '{"id":3,"ok":true,"results":[{"articles":[1],"scores":"400400000000000g"}]}' ;;
good)
    echo '{"id":3,"ok":true,"results":[[{"article":"a2","score":2.5},{"article":"a1","score":1.0}]]}'
    read -r line
    echo '{"id":4,"ok":true}' ;;
esac
